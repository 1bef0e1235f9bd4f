package dev.lectern.control.jobs;

import com.ibm.websphere.security.auth.WSSubject;
import dev.lectern.platform.console.ConsoleAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Starts and stops batch jobs as the dispatcher's own identity, the only one Liberty lets submit
 * jobs (server.xml), so no console user can start one through /ibm/api/batch; never as whoever's
 * request woke the dispatcher, whose subject a managed executor would otherwise carry. The login is
 * answered by the shared library's registry without a password hash.
 */
@ApplicationScoped
public class DispatcherRunAs {

  private static final Logger LOG = Logger.getLogger(DispatcherRunAs.class.getName());

  <T> T call(PrivilegedExceptionAction<T> action) throws Exception {
    Subject subject;
    try {
      LoginContext login = new LoginContext("WSLogin", DispatcherRunAs::answer);
      login.login();
      subject = login.getSubject();
    } catch (LoginException e) {
      LOG.log(Level.WARNING, "The job dispatcher could not log in to Liberty's registry", e);
      throw e;
    }
    try {
      @SuppressWarnings("unchecked") // WSSubject.doAs is not generic
      T result = (T) WSSubject.doAs(subject, action);
      return result;
    } catch (PrivilegedActionException e) {
      throw e.getException();
    }
  }

  /** Liberty also asks for tokens and credentials: the dispatcher has none, so those stay empty. */
  private static void answer(Callback[] callbacks) {
    for (Callback callback : callbacks) {
      if (callback instanceof NameCallback name) {
        name.setName(ConsoleAccounts.DISPATCHER);
      } else if (callback instanceof PasswordCallback password) {
        password.setPassword(ConsoleAccounts.dispatcherPassword());
      }
    }
  }
}
