namespace RefineSharp.Tests.TestDoubles;

/// <summary>One call to a fake provider: the member's name (for example "LoginAsync") and the request it got.</summary>
public sealed record ProviderCall(string Member, AuthRequest Request, CancellationToken CancellationToken);
