namespace RefineSharp.Blazor;

/// <summary>The stable ids and names of the form inputs (browser tests and password managers rely on them).</summary>
internal static class FormField
{
    public const string Email = "email";
    public const string Password = "password";
    public const string ConfirmPassword = "confirmPassword";
    public const string CurrentPassword = "currentPassword";
    public const string Remember = "remember";
}
