using Microsoft.Extensions.Localization;

// The default texts live in Resources/RefineBlazorTexts*.resx whatever ResourcesPath the app configures.
[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("RefineSharp.Blazor")]
