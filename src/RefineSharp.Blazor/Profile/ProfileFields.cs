namespace RefineSharp.Blazor;

/// <summary>The ids and names of the profile form's inputs (stable, for tests and password managers).</summary>
internal static class ProfileFields
{
    public const string Name = "profile-name";
    public const string Email = "profile-email";
    public const string Avatar = "profile-avatar";
}
