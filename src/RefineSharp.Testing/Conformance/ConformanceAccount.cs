namespace RefineSharp.Testing.Conformance;

/// <summary>An account the backend knows, with its right password (the suite derives wrong ones from it).</summary>
/// <param name="Email">What the login form sends as <see cref="LoginRequest.Email"/>.</param>
/// <param name="Password">The account's right password.</param>
public sealed record ConformanceAccount(string Email, string Password)
{
    /// <summary>Prints the email only: the password never reaches a test log.</summary>
    public override string ToString() => $"ConformanceAccount {{ Email = {Email}, Password = *** }}";
}
