namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>Every browser test shares one demo server and one Chromium, and the tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>
{
    public const string Name = "Demo";
}
