namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// Every browser test shares one demo server, one WebAssembly demo server and one Chromium, and the tests run one
/// after another (two collections in parallel would make each slower and less predictable on 2 cores).
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>, ICollectionFixture<WasmDemoFixture>
{
    public const string Name = "Demo";
}
