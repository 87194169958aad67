using System.Text.Json.Serialization;
using RefineSharp.Tokens;

namespace RefineSharp.Blazor;

/// <summary>Source-generated JSON for stored tokens, so trimmed WebAssembly apps need no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenSet))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
