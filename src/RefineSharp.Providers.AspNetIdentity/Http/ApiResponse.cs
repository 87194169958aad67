using System.Net;

namespace RefineSharp.Providers.AspNetIdentity.Http;

/// <summary>The outcome of one Identity API call: the parsed body on success, the status and problem details otherwise.</summary>
internal readonly record struct ApiResponse<T>(ApiOutcome Outcome, T? Value, HttpStatusCode? Status, IdentityProblem? Problem)
{
    public bool IsOk => Outcome == ApiOutcome.Ok;

    public bool IsUnauthorized => Outcome == ApiOutcome.Failed && Status == HttpStatusCode.Unauthorized;
}
