using Microsoft.Extensions.Options;

namespace RefineSharp;

/// <summary>
/// Checks <see cref="RefineOptions"/> when the app starts (registered by <c>services.AddRefine()</c> with
/// ValidateOnStart), so a setting that would make every call fail stops the app with a message that names the fix.
/// </summary>
internal sealed class RefineOptionsValidator : IValidateOptions<RefineOptions>
{
    /// <summary>Returns every problem of <paramref name="options"/>, each naming the option and how to fix it.</summary>
    public ValidateOptionsResult Validate(string? name, RefineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.ProviderTimeout <= TimeSpan.Zero || options.ProviderTimeout > RefineOptions.MaxProviderTimeout)
        {
            failures.Add(
                $"RefineOptions.ProviderTimeout is {options.ProviderTimeout}; it must be greater than zero and at most {RefineOptions.MaxProviderTimeout} " +
                "(a zero or negative timeout fails every provider call). Set it in AddRefine(o => o.ProviderTimeout = TimeSpan.FromSeconds(30)), or leave the default of 30 seconds.");
        }

        if (options.QueryCacheDuration is { } duration && (duration < TimeSpan.Zero || duration > RefineOptions.MaxQueryCacheDuration))
        {
            failures.Add(
                $"RefineOptions.QueryCacheDuration is {duration}; it must be null (keep answers until the next login, logout or invalidation), " +
                $"zero (never reuse an answer) or a positive duration of at most {RefineOptions.MaxQueryCacheDuration}.");
        }

        if (options.MaxCachedQueriesPerKind is < 1 or > RefineOptions.MaxQueryCacheSize)
        {
            failures.Add(
                $"RefineOptions.MaxCachedQueriesPerKind is {options.MaxCachedQueriesPerKind}; it must be between 1 and {RefineOptions.MaxQueryCacheSize}. " +
                "Leave the default of 256 unless your app asks with many distinct parameters.");
        }

        if (!IsQueryToken(options.ReturnPathParameter))
        {
            failures.Add(
                $"RefineOptions.ReturnPathParameter is '{options.ReturnPathParameter}'; it must be a non-empty query parameter name made of letters, digits, " +
                "'-', '.', '_' or '~' (nothing that needs URL encoding), for example \"to\" (the default) or \"returnUrl\".");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsQueryToken(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');
}
