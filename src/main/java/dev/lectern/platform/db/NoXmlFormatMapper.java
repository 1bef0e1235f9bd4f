package dev.lectern.platform.db;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Hibernate's XML format mapper for Lectern, which maps no column as XML. Hibernate's default needs
 * a JAXB runtime on the application's class path, and one there breaks Liberty's batch runtime (it
 * parses job XML with the JAXB it finds through the application's class loader); so the library
 * carries no JAXB and this mapper refuses the XML mapping Lectern never uses.
 */
public final class NoXmlFormatMapper implements FormatMapper {

  @Override
  public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
    throw new UnsupportedOperationException("Lectern maps no column as XML");
  }

  @Override
  public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
    throw new UnsupportedOperationException("Lectern maps no column as XML");
  }
}
