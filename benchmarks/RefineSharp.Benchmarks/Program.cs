using BenchmarkDotNet.Running;

// Usage: dotnet run -c Release --project benchmarks/RefineSharp.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
