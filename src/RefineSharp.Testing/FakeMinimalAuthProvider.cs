namespace RefineSharp.Testing;

/// <summary>
/// A fake provider with only the four required members (login, logout, check, onError): the engine treats
/// register, forgot and update password as unsupported and never asks for identity or permissions, and the pages
/// hide the links to those flows.
/// </summary>
public sealed class FakeMinimalAuthProvider : FakeAuthProviderBase;
