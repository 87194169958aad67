namespace RefineSharp.KitsDemo;

/// <summary>The one seeded account (a sample, not a secret: README.md publishes it).</summary>
public static class KitsDemoUser
{
    public const string Email = "ann@kits.local";
    public const string Password = "Kits123!";
}
