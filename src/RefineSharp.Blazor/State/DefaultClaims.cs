using System.Globalization;
using System.Security.Claims;

namespace RefineSharp.Blazor;

/// <summary>The default mapping of identity and permissions to claims (see <see cref="RefineBlazorOptions.ClaimsFactory"/>).</summary>
internal static class DefaultClaims
{
    public static IEnumerable<Claim> Create(object? identity, object? permissions)
    {
        var claims = new List<Claim>();
        switch (identity)
        {
            case UserIdentity user:
                claims.Add(new Claim(ClaimTypes.NameIdentifier, user.Id));
                claims.Add(new Claim(ClaimTypes.Name, user.Name ?? user.Email ?? user.Id));
                if (!string.IsNullOrEmpty(user.Email))
                {
                    claims.Add(new Claim(ClaimTypes.Email, user.Email));
                }

                claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
                if (user.Claims is not null)
                {
                    claims.AddRange(user.Claims.Select(c => new Claim(c.Key, c.Value)));
                }

                break;
            case string name when name.Length > 0:
                claims.Add(new Claim(ClaimTypes.Name, name));
                break;
            case IFormattable or Guid when identity is not null:
                claims.Add(new Claim(ClaimTypes.NameIdentifier, Convert.ToString(identity, CultureInfo.InvariantCulture)!));
                break;
        }

        switch (permissions)
        {
            case string single:
                claims.Add(new Claim(ClaimTypes.Role, single));
                break;
            case IEnumerable<string> list:
                claims.AddRange(list.Where(p => !string.IsNullOrEmpty(p)).Select(p => new Claim(ClaimTypes.Role, p)));
                break;
        }

        // A role given both by the identity and by the permissions is one role.
        return claims.DistinctBy(c => (c.Type, c.Value));
    }
}
