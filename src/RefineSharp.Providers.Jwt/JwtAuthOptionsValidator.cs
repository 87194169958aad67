using Microsoft.Extensions.Options;

namespace RefineSharp.Providers.Jwt;

/// <summary>
/// Checks <see cref="JwtAuthOptions"/> when the app starts: each failure names the setting and how to set it, so a
/// typo in the configuration stops the app at once instead of failing every sign-in.
/// </summary>
internal sealed class JwtAuthOptionsValidator : IValidateOptions<JwtAuthOptions>
{
    private const string Fix = "AddJwtAuth(o => o.";

    public ValidateOptionsResult Validate(string? name, JwtAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BaseAddress is null && options.BaseAddressResolver is null)
        {
            failures.Add($"JwtAuthOptions.BaseAddress is not set: the provider does not know where the API is. Set it: {Fix}BaseAddress = new Uri(\"https://api.example.com/\")).");
        }
        else if (options.BaseAddress is { } address &&
                 (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps) || address.UserInfo.Length > 0 || address.Query.Length > 0 || address.Fragment.Length > 0))
        {
            failures.Add($"JwtAuthOptions.BaseAddress must be an absolute http(s) address without credentials, query or fragment, such as https://api.example.com/; got a value that is not. Fix: {Fix}BaseAddress = ...).");
        }

        Endpoint(failures, nameof(JwtAuthOptions.LoginEndpoint), options.LoginEndpoint, required: true);
        Endpoint(failures, nameof(JwtAuthOptions.MeEndpoint), options.MeEndpoint, required: true);
        Endpoint(failures, nameof(JwtAuthOptions.RefreshEndpoint), options.RefreshEndpoint, required: false);
        Endpoint(failures, nameof(JwtAuthOptions.LogoutEndpoint), options.LogoutEndpoint, required: false);

        Field(failures, nameof(JwtAuthOptions.LoginEmailField), options.LoginEmailField);
        Field(failures, nameof(JwtAuthOptions.LoginPasswordField), options.LoginPasswordField);
        Field(failures, nameof(JwtAuthOptions.RefreshRequestField), options.RefreshRequestField);
        Field(failures, nameof(JwtAuthOptions.AccessTokenField), options.AccessTokenField);
        Field(failures, nameof(JwtAuthOptions.RefreshTokenField), options.RefreshTokenField);
        Field(failures, nameof(JwtAuthOptions.ExpiresInField), options.ExpiresInField);
        Field(failures, nameof(JwtAuthOptions.IdField), options.IdField);
        Field(failures, nameof(JwtAuthOptions.NameField), options.NameField);
        Field(failures, nameof(JwtAuthOptions.EmailField), options.EmailField);
        Field(failures, nameof(JwtAuthOptions.AvatarField), options.AvatarField);
        Field(failures, nameof(JwtAuthOptions.RolesField), options.RolesField);

        if (options.LoginEmailField == options.LoginPasswordField && !string.IsNullOrWhiteSpace(options.LoginEmailField))
        {
            failures.Add($"JwtAuthOptions.LoginEmailField and LoginPasswordField are both \"{options.LoginEmailField}\": the password would overwrite the email. Give them different names: {Fix}LoginPasswordField = \"password\").");
        }

        LocalPath(failures, nameof(JwtAuthOptions.LoginPath), options.LoginPath);
        LocalPath(failures, nameof(JwtAuthOptions.AfterLoginPath), options.AfterLoginPath);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A path relative to BaseAddress; an absolute URL would send the credentials to another host.
    private static void Endpoint(List<string> failures, string setting, string? value, bool required)
    {
        if (value is null && !required)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"JwtAuthOptions.{setting} is empty. Set the API path, for example {Fix}{setting} = \"auth/...\")" + (required ? "." : ", or null when the API has none."));
            return;
        }

        if (value.Contains("://", StringComparison.Ordinal) || value.StartsWith("//", StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal) ||
            value.Any(char.IsWhiteSpace) || value.Contains('#', StringComparison.Ordinal) || !Uri.IsWellFormedUriString(value, UriKind.Relative))
        {
            failures.Add($"JwtAuthOptions.{setting} must be a path relative to BaseAddress (such as \"auth/login\"), not a URL or a malformed path. Fix: {Fix}{setting} = \"...\").");
        }
    }

    // A JSON property name, or a dotted path of them; no empty steps.
    private static void Field(List<string> failures, string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Split('.').Any(step => step.Length == 0 || step.Any(char.IsWhiteSpace)))
        {
            failures.Add($"JwtAuthOptions.{setting} must be a JSON property name or a dotted path such as \"data.user.id\", without spaces or empty steps. Fix: {Fix}{setting} = \"...\").");
        }
    }

    private static void LocalPath(List<string> failures, string setting, string? value)
    {
        if (value is null || !LocalRedirect.IsLocal(value))
        {
            failures.Add($"JwtAuthOptions.{setting} must be a local path such as \"/login\" (no scheme, no host). Fix: {Fix}{setting} = \"/...\").");
        }
    }
}
