package bench.minimal;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/** As in Lectern: the server's Hibernate library carries no JAXB, so no column maps as XML. */
public final class NoXmlFormatMapper implements FormatMapper {

  @Override
  public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
    throw new UnsupportedOperationException("no XML columns");
  }

  @Override
  public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
    throw new UnsupportedOperationException("no XML columns");
  }
}
