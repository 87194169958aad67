using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace RefineSharp.WasmDemo.Data;

/// <summary>The hosted sample's SQLite database: ASP.NET Core Identity's tables only.</summary>
public sealed class WasmDemoDbContext(DbContextOptions<WasmDemoDbContext> options) : IdentityDbContext<IdentityUser>(options);
