package dev.lectern.platform.console;

import com.ibm.websphere.security.CertificateMapNotSupportedException;
import com.ibm.websphere.security.CustomRegistryException;
import com.ibm.websphere.security.EntryNotFoundException;
import com.ibm.websphere.security.NotImplementedException;
import com.ibm.websphere.security.PasswordCheckFailedException;
import com.ibm.websphere.security.Result;
import com.ibm.websphere.security.UserRegistry;
import com.ibm.websphere.security.cred.WSCredential;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Liberty's user registry (a BELL service of the shared library, enabled by admin-center-on.xml):
 * Lectern's platform accounts, through the hook the application installed. It reads nothing itself.
 * Users are account names; groups are Lectern's role names.
 */
public class LecternUserRegistry implements UserRegistry {

  static final String REALM = "lectern";

  /** Separates an account's name from its lockdown in a unique id (names never hold '#'). */
  private static final char SINCE = '#';

  /** Lectern's roles, and the job dispatcher's own group. */
  static final Set<String> GROUPS =
      Set.of("admin", "operator", "teacher", "student", ConsoleAccounts.DISPATCHER_GROUP);

  @Override
  public void initialize(Properties props) {}

  private static ConsoleSignIn hook() throws CustomRegistryException {
    ConsoleSignIn hook = ConsoleAccounts.current();
    if (hook == null) {
      throw new CustomRegistryException("Lectern is not running: no console sign-in");
    }
    return hook;
  }

  @Override
  public String checkPassword(String user, String password)
      throws PasswordCheckFailedException, CustomRegistryException {
    char[] given = password == null ? new char[0] : password.toCharArray();
    if (ConsoleAccounts.DISPATCHER.equals(user)) {
      if (ConsoleAccounts.isDispatcher(user, given)) {
        return user;
      }
      throw new PasswordCheckFailedException("Sign-in refused");
    }
    Optional<ConsoleSignIn.Signed> signed = hook().check(user, given);
    if (signed.isEmpty()) {
      // No name in the message: Liberty logs it (CWWKS1100A says the user already).
      throw new PasswordCheckFailedException("Sign-in refused");
    }
    return signed.get().user();
  }

  @Override
  public String mapCertificate(X509Certificate[] chain) throws CertificateMapNotSupportedException {
    throw new CertificateMapNotSupportedException("Lectern accounts have no certificates");
  }

  @Override
  public String getRealm() {
    return REALM;
  }

  @Override
  public Result getUsers(String pattern, int limit) throws CustomRegistryException {
    Result result = new Result();
    List<String> users = new ArrayList<>();
    // Accounts are not listed: only an exact name is found.
    if (pattern != null && !pattern.contains("*") && hook().exists(pattern)) {
      users.add(pattern);
    }
    result.setList(users);
    return result;
  }

  private String existing(String user) throws EntryNotFoundException, CustomRegistryException {
    if (user == null || !(ConsoleAccounts.DISPATCHER.equals(user) || hook().exists(user))) {
      throw new EntryNotFoundException("No such console user");
    }
    return user;
  }

  @Override
  public String getUserDisplayName(String user)
      throws EntryNotFoundException, CustomRegistryException {
    return existing(user);
  }

  /** An account's unique id is its name and the last lockdown before it was made. */
  @Override
  public String getUniqueUserId(String user)
      throws EntryNotFoundException, CustomRegistryException {
    String name = existing(user);
    return ConsoleAccounts.DISPATCHER.equals(name) ? name : name + SINCE + hook().lockdownEpoch();
  }

  @Override
  public String getUserSecurityName(String uniqueUserId)
      throws EntryNotFoundException, CustomRegistryException {
    return current(uniqueUserId);
  }

  /**
   * The account a unique id names, if it still exists and no lockdown came since the id was made:
   * Liberty keeps the unique id in the console's sign-in cookie, so a lockdown ends those sign-ins
   * at their next request, as it ends the API's tokens.
   */
  private String current(String uniqueUserId)
      throws EntryNotFoundException, CustomRegistryException {
    if (ConsoleAccounts.DISPATCHER.equals(uniqueUserId)) {
      return uniqueUserId;
    }
    int at = uniqueUserId == null ? -1 : uniqueUserId.lastIndexOf(SINCE);
    if (at < 0 || !uniqueUserId.substring(at + 1).equals(Long.toString(hook().lockdownEpoch()))) {
      throw new EntryNotFoundException("Signed in before the last lockdown");
    }
    return existing(uniqueUserId.substring(0, at));
  }

  @Override
  public boolean isValidUser(String user) throws CustomRegistryException {
    return user != null && (ConsoleAccounts.DISPATCHER.equals(user) || hook().exists(user));
  }

  @Override
  public Result getGroups(String pattern, int limit) {
    Pattern regex =
        Pattern.compile(Pattern.quote(pattern == null ? "*" : pattern).replace("*", "\\E.*\\Q"));
    List<String> groups = new ArrayList<>();
    for (String group : GROUPS) {
      if (regex.matcher(group).matches() && (limit <= 0 || groups.size() < limit)) {
        groups.add(group);
      }
    }
    Result result = new Result();
    result.setList(groups);
    return result;
  }

  private static String group(String name) throws EntryNotFoundException {
    if (name == null || !GROUPS.contains(name)) {
      throw new EntryNotFoundException("No such group");
    }
    return name;
  }

  @Override
  public String getGroupDisplayName(String group) throws EntryNotFoundException {
    return group(group);
  }

  @Override
  public String getUniqueGroupId(String group) throws EntryNotFoundException {
    return group(group);
  }

  @Override
  public List<String> getUniqueGroupIds(String uniqueUserId)
      throws EntryNotFoundException, CustomRegistryException {
    return groupsOf(current(uniqueUserId));
  }

  private static List<String> groupsOf(String user) throws CustomRegistryException {
    if (ConsoleAccounts.DISPATCHER.equals(user)) {
      return new ArrayList<>(List.of(ConsoleAccounts.DISPATCHER_GROUP));
    }
    return new ArrayList<>(hook().groupsOf(user));
  }

  @Override
  public String getGroupSecurityName(String uniqueGroupId) throws EntryNotFoundException {
    return group(uniqueGroupId);
  }

  @Override
  public boolean isValidGroup(String group) {
    return group != null && GROUPS.contains(group);
  }

  @Override
  public List<String> getGroupsForUser(String user)
      throws EntryNotFoundException, CustomRegistryException {
    return groupsOf(existing(user));
  }

  @Override
  public Result getUsersForGroup(String group, int limit) throws NotImplementedException {
    throw new NotImplementedException("Accounts are not listed by group");
  }

  @Override
  public WSCredential createCredential(String user) throws NotImplementedException {
    throw new NotImplementedException("Not used by Liberty");
  }
}
