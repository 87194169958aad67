using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

public sealed class TestIdentityDb(DbContextOptions<TestIdentityDb> options) : IdentityDbContext<IdentityUser>(options);
