package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.tool.HttpBinding;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query or cookie names of one request, each sent by one owner only: a declared parameter (whose value may be
 * fixed or limited to an enum), an apiKey credential, or the argument that first sent a free-form name.
 *
 * <p>The keys of an exploded form object become names of their own ({@code filter: {"tenant": "evil"}} sends
 * {@code tenant=evil}), and a {@code Cookie} header argument carries pairs of its own. Neither may send a name that
 * another owner sends, since an API that sees a name twice may take either value. Names are compared ignoring case
 * (some frameworks read them so), and a name counts also by what comes before its first {@code [}, since Rack and
 * PHP read {@code tenant[x]} and {@code tenant[]} as {@code tenant}.
 */
final class ReservedNames {
  /** Who sends a name, and the name as that owner spells it; a null argument stands for a credential. */
  private record Owner(String argument, String name) {}

  private final ParameterLocation location;
  private final Map<String, Owner> owners = new HashMap<>();

  /**
   * @param credentialNames the names apiKey credentials send in {@code location}, whether configured or not
   */
  ReservedNames(HttpBinding http, ParameterLocation location, Set<String> credentialNames) {
    this.location = location;
    credentialNames.forEach(name -> owners.put(name.toLowerCase(Locale.ROOT), new Owner(null, name)));
    for (ParameterBinding parameter : http.parameters()) {
      if (parameter.location() == location) {
        owners.putIfAbsent(parameter.name().toLowerCase(Locale.ROOT),
            new Owner(parameter.argument(), parameter.name()));
      }
    }
  }

  /**
   * Records that {@code argument} sends the (decoded) name {@code key}.
   *
   * @param ownName the wire name of the argument's own parameter, which it always may send; null for none
   * @throws InvalidRequestException when another owner sends the name
   */
  void claim(String argument, String ownName, String key) throws InvalidRequestException {
    if (key.equalsIgnoreCase(ownName)) {
      return;
    }
    String full = key.toLowerCase(Locale.ROOT);
    int bracket = full.indexOf('[');
    String base = bracket < 0 ? full : full.substring(0, bracket);
    Owner owner = foreign(argument, owners.get(full));
    if (owner == null) {
      owner = foreign(argument, owners.get(base));
    }
    if (owner != null) {
      String kind = location == ParameterLocation.COOKIE ? "cookie" : "query parameter";
      String sentBy = owner.argument() == null ? "which carries a credential"
          : "which the argument '" + owner.argument() + "' sends";
      throw new InvalidRequestException(argument + ": the key '" + key + "' would be sent as the " + kind + " '"
          + owner.name() + "', " + sentBy + "; it cannot be sent");
    }
    owners.putIfAbsent(full, new Owner(argument, key));
  }

  private static Owner foreign(String argument, Owner owner) {
    return owner == null || argument.equals(owner.argument()) ? null : owner;
  }
}
