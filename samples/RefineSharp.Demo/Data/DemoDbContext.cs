using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace RefineSharp.Demo.Data;

/// <summary>The demo's SQLite database: Identity's tables, the posts and the email outbox.</summary>
public sealed class DemoDbContext(DbContextOptions<DemoDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQLite cannot order or compare DateTimeOffset columns; store them as UTC ticks.
        builder.Entity<Post>().Property(p => p.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        builder.Entity<OutboxMessage>().Property(m => m.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
    }
}
