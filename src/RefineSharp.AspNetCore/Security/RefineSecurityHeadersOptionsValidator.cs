using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace RefineSharp.AspNetCore.Security;

/// <summary>
/// Refuses, at start, a source that is not one CSP source expression (whitespace, <c>;</c> or <c>,</c> would add
/// another source or another directive to the header) and a script source that would let any script run.
/// </summary>
internal sealed partial class RefineSecurityHeadersOptionsValidator : IValidateOptions<RefineSecurityHeadersOptions>
{
    private static readonly string[] OpenerPolicies = ["unsafe-none", "same-origin", "same-origin-allow-popups", "noopener-allow-popups"];

    private static readonly string[] ReferrerPolicies =
    [
        "no-referrer", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "same-origin", "strict-origin",
        "strict-origin-when-cross-origin", "unsafe-url",
    ];


    public ValidateOptionsResult Validate(string? name, RefineSecurityHeadersOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.ScriptSources), options.ScriptSources);
        Check(failures, nameof(options.StyleSources), options.StyleSources);
        Check(failures, nameof(options.ImageSources), options.ImageSources);
        Check(failures, nameof(options.FontSources), options.FontSources);
        Check(failures, nameof(options.ConnectSources), options.ConnectSources);
        Check(failures, nameof(options.FormActionSources), options.FormActionSources);
        foreach (var source in options.ScriptSources.Where(s => s is not null && AllowsAnyScript(s.Trim())))
        {
            failures.Add($"RefineSecurityHeadersOptions.ScriptSources: {source} would let any script run in the app's origin; list the origins of the scripts you load instead.");
        }

        if (options.CrossOriginOpenerPolicy is { } opener && !OpenerPolicies.Contains(opener, StringComparer.Ordinal))
        {
            failures.Add($"RefineSecurityHeadersOptions.CrossOriginOpenerPolicy must be one of {string.Join(", ", OpenerPolicies)}, or null to send none.");
        }

        if (!ReferrerPolicies.Contains(options.ReferrerPolicy ?? "", StringComparer.Ordinal))
        {
            failures.Add($"RefineSecurityHeadersOptions.ReferrerPolicy must be one of {string.Join(", ", ReferrerPolicies)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // For scripts only hosts, 'self' and hashes: a scheme (https:, data:, …), '*' or any other keyword ('unsafe-inline',
    // 'unsafe-eval', 'strict-dynamic', …) lets scripts run that the app did not list.
    private static bool AllowsAnyScript(string source) =>
        source == "*" || SchemeOnly().IsMatch(source) ||
        (source.StartsWith('\'') && source != "'self'" && !ScriptHash().IsMatch(source));

    private static void Check(List<string> failures, string setting, IList<string> sources)
    {
        foreach (var source in sources)
        {
            if (source is null || !SourceExpression().IsMatch(source))
            {
                failures.Add($"RefineSecurityHeadersOptions.{setting}: \"{Printable(source)}\" is not one CSP source (a scheme such as data:, a host such as https://cdn.example.com, or a quoted keyword); one source per entry, without spaces, ';' or ','.");
            }
        }
    }

    private static string Printable(string? source) =>
        source is null ? "null" : new string([.. source.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);

    // One source expression: a quoted keyword/nonce/hash, a scheme, or [scheme://]host[:port][/path], in visible ASCII
    // without the characters that separate sources (whitespace, ',') or directives (';').
    [GeneratedRegex(@"^(?:'[A-Za-z0-9+/=_-]+'|[A-Za-z][A-Za-z0-9+.-]*:|(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?:\*\.)?[A-Za-z0-9.-]+(?::(?:\d{1,5}|\*))?(?:/[!#-+\--:<-~]*)?|\*)$")]
    private static partial Regex SourceExpression();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:$")]
    private static partial Regex SchemeOnly();

    [GeneratedRegex("^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$")]
    private static partial Regex ScriptHash();
}
