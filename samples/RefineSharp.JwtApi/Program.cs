// A small JWT REST API for trying RefineSharp.Providers.Jwt (docs/providers/jwt.md): dotnet run --project samples/RefineSharp.JwtApi
RefineSharp.JwtApi.JwtApiApp.Create(args).Run();
