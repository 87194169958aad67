namespace RefineSharp.Demo.Hosting;

/// <summary>Where <see cref="Data.DemoSeeder"/> writes generated passwords (the console unless a test captures them).</summary>
public sealed class DemoSeedingOptions
{
    /// <summary>
    /// The writer that receives the generated passwords, once, when the accounts are created. It is deliberately not
    /// the logger: log sinks are kept, forwarded and searched; the console of the first start is seen once.
    /// </summary>
    public TextWriter? Output { get; set; }
}
