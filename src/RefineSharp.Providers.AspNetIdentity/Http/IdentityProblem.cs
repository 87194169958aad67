namespace RefineSharp.Providers.AspNetIdentity.Http;

/// <summary>The RFC 7807 problem details (and validation errors) the Identity API answers with.</summary>
internal sealed record IdentityProblem
{
    public string? Title { get; init; }

    public string? Detail { get; init; }

    public Dictionary<string, string[]>? Errors { get; init; }

    /// <summary>The validation messages, one per line, or null when there are none.</summary>
    public string? Messages()
    {
        var messages = Errors?.Values.SelectMany(m => m ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal).ToArray();
        return messages is { Length: > 0 } ? string.Join(" ", messages) : null;
    }
}
