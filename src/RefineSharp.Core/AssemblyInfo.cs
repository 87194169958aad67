using Microsoft.Extensions.Localization;

// The default texts live in Resources/RefineTexts*.resx whatever ResourcesPath the app configures.
[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("RefineSharp")]
