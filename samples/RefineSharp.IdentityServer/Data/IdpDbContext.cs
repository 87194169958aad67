using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace RefineSharp.IdentityServer.Data;

/// <summary>Identity's users and roles plus OpenIddict's applications, authorizations and tokens, in one SQLite file.</summary>
public sealed class IdpDbContext(DbContextOptions<IdpDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
    }
}
