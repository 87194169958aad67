using Microsoft.Extensions.Localization;

// The default texts live in Resources/AspNetIdentityTexts*.resx whatever ResourcesPath the app configures.
[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("RefineSharp.Providers.AspNetIdentity")]
