namespace RefineSharp.Demo.Hosting;

/// <summary>
/// How <see cref="Data.DemoSeeder"/> creates the demo accounts (configuration key Demo:SeedPasswords; see
/// docs/demo-hosting.md). The default is <see cref="Known"/> in Development and <see cref="Random"/> everywhere else.
/// </summary>
public enum DemoSeedPasswords
{
    /// <summary>The documented passwords (Admin123!, Editor123!): Development, or an explicit "known" elsewhere (tests).</summary>
    Known,

    /// <summary>A generated password per account, written once to the console when the account is created and never again.</summary>
    Random,

    /// <summary>No accounts are seeded; the posts still are.</summary>
    None,
}
