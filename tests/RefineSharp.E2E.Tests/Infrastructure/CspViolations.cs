using Microsoft.Playwright;

namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// Records, for a browser context, every <c>securitypolicyviolation</c> event of each of its documents and the
/// browser's own Content-Security-Policy console errors, so a test can assert that a page ran under its policy with
/// none (and, by injecting a violation, that the recorder would have seen one).
/// </summary>
internal sealed class CspViolations
{
    // Runs first in every document: keeps each securitypolicyviolation event of this document.
    private const string Recorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => {
          window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
        });
        """;

    private readonly List<string> _console = [];

    private CspViolations()
    {
    }

    /// <summary>Starts recording in every document <paramref name="context"/> opens from now on.</summary>
    public static async Task<CspViolations> WatchAsync(IBrowserContext context)
    {
        var watch = new CspViolations();
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (watch._console)
                {
                    watch._console.Add(message.Text);
                }
            }
        };
        await context.AddInitScriptAsync(Recorder);
        return watch;
    }

    /// <summary>The violations the current document of <paramref name="page"/> recorded (null when the recorder did not run).</summary>
    public static Task<string[]?> InPageAsync(IPage page) => page.EvaluateAsync<string[]?>("() => window.__cspViolations ?? null");

    /// <summary>Fails naming <paramref name="step"/> when the page or the console saw a violation, or the recorder did not run.</summary>
    public async Task AssertNoneAsync(IPage page, string step)
    {
        var violations = await InPageAsync(page);
        Assert.True(violations is not null, $"{step}: the violation recorder did not run");
        Assert.True(violations.Length == 0, $"{step}: " + string.Join(" | ", violations));
        lock (_console)
        {
            Assert.True(_console.Count == 0, $"{step}: " + string.Join(" | ", _console));
        }
    }
}
