using Microsoft.Extensions.Options;

namespace RefineSharp.Tokens;

/// <summary>Accepts only allowed origins that are absolute http(s) origins, naming the entry and the fix otherwise.</summary>
internal sealed class BearerTokenHandlerOptionsValidator : IValidateOptions<BearerTokenHandlerOptions>
{
    public ValidateOptionsResult Validate(string? name, BearerTokenHandlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when <paramref name="options"/> are invalid (for handlers built without DI).</summary>
    public static void ThrowIfInvalid(BearerTokenHandlerOptions options)
    {
        var failures = Failures(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(BearerTokenHandlerOptions), failures);
        }
    }

    private static List<string> Failures(BearerTokenHandlerOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedOrigins.Count; i++)
        {
            if (!BearerTokenHandler.IsOrigin(options.AllowedOrigins[i]))
            {
                failures.Add(
                    $"BearerTokenHandlerOptions.AllowedOrigins[{i}] is not an origin. Use an absolute http or https URI with a host and nothing after it " +
                    "(no user info, path, query or fragment), such as new Uri(\"https://api.example.com\").");
            }
        }

        return failures;
    }
}
