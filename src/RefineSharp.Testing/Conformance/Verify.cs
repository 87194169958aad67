using System.Collections;

namespace RefineSharp.Testing.Conformance;

/// <summary>The suite's own assertions: each failure names the rule of refine's contract that was broken.</summary>
internal static class Verify
{
    // Text that belongs in a log, never on a page: exception types, stack frames, addresses, storage details.
    private static readonly string[] Internals =
    [
        "Exception", "   at ", ".cs:line", "System.", "Microsoft.", "http://", "https://", "127.0.0.1", "localhost",
        "StackTrace", "SQLite", "SqlClient", "Npgsql", "Redis", "connection string", "NullReference",
    ];

    public static void That(bool condition, string rule)
    {
        if (!condition)
        {
            throw new ConformanceException(rule);
        }
    }

    public static void LocalOrNull(string? redirectTo, string what) =>
        That(redirectTo is null || LocalRedirect.IsLocal(redirectTo), $"{what} must be a local path or nothing; it was '{redirectTo}'.");

    public static void LocalRedirectPresent(string? redirectTo, string what) =>
        That(LocalRedirect.IsLocal(redirectTo), $"{what} must name a local page to go to (refine sends the user there); it was '{redirectTo ?? "null"}'.");

    /// <summary>A failure the user reads: it has a title and a text, and neither shows internals nor echoes a secret.</summary>
    public static void ReadableError(AuthError? error, string what, params string?[] secrets)
    {
        That(error is not null, $"{what} must carry an AuthError the page can show.");
        That(!string.IsNullOrWhiteSpace(error!.Message), $"{what} must have a message; it was empty.");
        foreach (var text in new[] { error.Name, error.Message })
        {
            foreach (var marker in Internals)
            {
                That(text?.Contains(marker, StringComparison.OrdinalIgnoreCase) != true,
                    $"{what} shows internals ('{marker}') to the user: '{text}'. Log the details; show a plain sentence.");
            }

            foreach (var secret in secrets)
            {
                That(string.IsNullOrEmpty(secret) || secret.Length < 4 || text?.Contains(secret, StringComparison.Ordinal) != true,
                    $"{what} repeats what the user typed as a password: '{text}'.");
            }
        }
    }

    /// <summary>
    /// A failure's error is optional in refine's contract (the engine then shows its default "Invalid credentials"
    /// text), but when the provider gives one it must be readable and plain.
    /// </summary>
    public static void PlainErrorOrNone(AuthError? error, string what, params string?[] secrets)
    {
        if (error is not null)
        {
            ReadableError(error, what, secrets);
        }
    }

    /// <summary>refine's "no identity": null, or an identity without an id.</summary>
    public static bool IsEmptyIdentity(object? identity) => identity is null || string.IsNullOrEmpty(IdOf(identity));

    /// <summary>The id of an identity: <see cref="UserIdentity.Id"/>, or a public Id/id property of any other shape.</summary>
    public static string? IdOf(object identity) => identity switch
    {
        UserIdentity user => user.Id,
        _ => (identity.GetType().GetProperty("Id") ?? identity.GetType().GetProperty("id"))?.GetValue(identity)?.ToString(),
    };

    /// <summary>refine's "no permissions": null or an empty list.</summary>
    public static bool IsEmptyPermissions(object? permissions) => permissions switch
    {
        null => true,
        string text => text.Length == 0,
        IEnumerable items => !items.Cast<object?>().Any(),
        _ => false,
    };

    public static IReadOnlySet<string>? AsStringSet(object? permissions) => permissions switch
    {
        IEnumerable<string> strings => strings.ToHashSet(StringComparer.Ordinal),
        _ => null,
    };

    public static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";
}
