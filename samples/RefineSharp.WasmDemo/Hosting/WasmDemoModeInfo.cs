namespace RefineSharp.WasmDemo.Hosting;

/// <summary>The mode this process runs in, for App.razor (which tells the browser app through a data attribute).</summary>
public sealed record WasmDemoModeInfo(WasmDemoMode Mode)
{
    /// <summary>The attribute value the browser app reads: "hosted" or "standalone".</summary>
    public string AttributeValue => Mode == WasmDemoMode.Hosted ? "hosted" : "standalone";
}
