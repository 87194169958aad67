namespace RefineSharp.Testing;

/// <summary>One call a fake provider received.</summary>
/// <param name="Member">The provider member that was called, for example "LoginAsync".</param>
/// <param name="Request">The request it received.</param>
public sealed record FakeAuthCall(string Member, AuthRequest Request);
