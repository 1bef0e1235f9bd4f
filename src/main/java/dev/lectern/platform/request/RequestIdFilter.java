package dev.lectern.platform.request;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * First filter of every request: fixes its id, returns it in {@code X-Request-ID} and adds it to
 * every log record written on this thread ({@code ext_requestId} in Liberty's JSON logs). It also
 * runs on error dispatches, because the container answers some errors (401 from the security
 * constraint) before any request filter has run.
 */
@WebFilter(
    filterName = "requestId",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIdFilter extends HttpFilter implements Filter {

  private static final String LOG_EXTENSION = "requestId";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = currentId(request);
    request.setAttribute(RequestIds.ATTRIBUTE, id);
    response.setHeader(RequestIds.HEADER, id);
    LogRecordContext.addExtension(LOG_EXTENSION, id);
    try {
      chain.doFilter(request, response);
    } finally {
      LogRecordContext.removeExtension(LOG_EXTENSION);
    }
  }

  private static String currentId(HttpServletRequest request) {
    Object known = request.getAttribute(RequestIds.ATTRIBUTE);
    return known != null
        ? known.toString()
        : RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
  }

  /** The id of the request being served, for error bodies and logs. */
  public static String idOf(HttpServletRequest request) {
    return request == null ? null : currentId(request);
  }
}
