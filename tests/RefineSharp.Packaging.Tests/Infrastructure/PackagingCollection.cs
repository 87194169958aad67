namespace RefineSharp.Packaging.Tests.Infrastructure;

/// <summary>One feed for every test, and the tests one after another (each builds apps; 2 cores are shared).</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "Packaging";
}
