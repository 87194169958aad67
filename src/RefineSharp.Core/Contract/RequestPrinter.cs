using System.Reflection;
using System.Text;

namespace RefineSharp;

/// <summary>
/// Prints a request the way a record does (<c>LoginRequest { Email = a@b.c, Password = *** }</c>) but with every
/// value that looks like a secret replaced by <see cref="Redacted"/>: a property named like a password, token, code or
/// secret, and any <see cref="AuthRequest.Extra"/> value under such a key. Requests end up in logs and debugger views.
/// </summary>
internal static class RequestPrinter
{
    /// <summary>What a secret prints as.</summary>
    public const string Redacted = "***";

    private static readonly string[] SecretParts =
        ["password", "passwd", "pwd", "secret", "token", "code", "otp", "pin", "credential", "apikey", "api_key", "api-key", "cookie"];

    /// <summary>True when <paramref name="name"/> looks like the name of a secret (case-insensitive); an HTTP status code is not one.</summary>
    public static bool LooksSecret(string name) =>
        !name.EndsWith("StatusCode", StringComparison.OrdinalIgnoreCase) &&
        SecretParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    /// <summary>The whole request: its type name and every public property up to its runtime type, secrets redacted.</summary>
    public static string Print(AuthRequest request)
    {
        var builder = new StringBuilder();
        builder.Append(request.GetType().Name).Append(" { ");
        if (AppendMembers(builder, request, request.GetType()))
        {
            builder.Append(' ');
        }

        return builder.Append('}').ToString();
    }

    /// <summary>
    /// Appends the public properties declared by <paramref name="upTo"/> and its bases (base first, as a record's
    /// PrintMembers does), secrets redacted; returns whether anything was appended.
    /// </summary>
    public static bool AppendMembers(StringBuilder builder, AuthRequest request, Type upTo)
    {
        var first = true;
        foreach (var property in PropertiesOf(upTo))
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            builder.Append(property.Name).Append(" = ");
            var value = property.GetValue(request);
            if (property.Name == nameof(AuthRequest.Extra) && value is IReadOnlyDictionary<string, object?> extra)
            {
                AppendExtra(builder, extra);
            }
            else
            {
                AppendValue(builder, value, LooksSecret(property.Name) && value is not (bool or Enum));
            }
        }

        return !first;
    }

    private static IEnumerable<PropertyInfo> PropertiesOf(Type upTo)
    {
        var chain = new List<Type>();
        for (var type = upTo; type is not null && typeof(AuthRequest).IsAssignableFrom(type); type = type.BaseType)
        {
            chain.Insert(0, type);
        }

        return chain.SelectMany(type => type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken));
    }

    private static void AppendExtra(StringBuilder builder, IReadOnlyDictionary<string, object?> extra)
    {
        builder.Append("{ ");
        var first = true;
        foreach (var (key, value) in extra.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            builder.Append(key).Append(" = ");
            AppendValue(builder, value, LooksSecret(key));
        }

        builder.Append(first ? "}" : " }");
    }

    private static void AppendValue(StringBuilder builder, object? value, bool secret)
    {
        if (value is null)
        {
            return;
        }

        if (secret)
        {
            builder.Append(Redacted);
        }
        else if (value is Exception exception)
        {
            // An exception's message can carry internals; its type says enough here.
            builder.Append(exception.GetType().FullName);
        }
        else
        {
            builder.Append(value);
        }
    }
}
