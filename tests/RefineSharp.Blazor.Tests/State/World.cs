using RefineSharp.Testing;

namespace RefineSharp.Blazor.Tests.State;

/// <summary>
/// The backend behind a <see cref="FakeAuthProvider"/>: who is signed in and whether the backend is down. Every answer
/// reads it when the provider is called, after an optional pause (none, a yield, or a short real delay) so that answers
/// to different changes overlap.
/// </summary>
internal sealed class World
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly bool _pauses;
    private string? _user;
    private bool _broken;

    public World(FakeAuthProvider provider, int seed = 0, bool pauses = false)
    {
        _random = new Random(seed);
        _pauses = pauses;
        provider.LoginHandler = async (request, _) =>
        {
            await PauseAsync();
            User = request.Email;
            return AuthActionResult.Ok();
        };
        provider.LogoutHandler = async (_, _) =>
        {
            await PauseAsync();
            User = null;
            return AuthActionResult.Ok();
        };
        provider.OnErrorHandler = async (request, _) =>
        {
            await PauseAsync();
            return request.StatusCode == 401 ? OnErrorResult.LogoutTo() : OnErrorResult.Ignore();
        };
        provider.CheckHandler = async (_, _) =>
        {
            await PauseAsync();
            var (user, broken) = Read();
            if (broken)
            {
                throw new HttpRequestException("the backend is down");
            }

            return user is null ? CheckResult.Fail() : CheckResult.Ok();
        };
        provider.IdentityHandler = async (_, _) =>
        {
            await PauseAsync();
            var (user, broken) = Read();
            return broken ? throw new HttpRequestException("the backend is down") : user is null ? null : new UserIdentity { Id = user, Name = user };
        };
        provider.PermissionsHandler = async (_, _) =>
        {
            await PauseAsync();
            var (user, broken) = Read();
            return broken ? throw new HttpRequestException("the backend is down") : user is null ? null : (object)new List<string> { "role:" + user };
        };
    }

    public string? User
    {
        get => Read().User;
        set
        {
            lock (_gate)
            {
                _user = value;
            }
        }
    }

    public bool Broken
    {
        get => Read().Broken;
        set
        {
            lock (_gate)
            {
                _broken = value;
            }
        }
    }

    private (string? User, bool Broken) Read()
    {
        lock (_gate)
        {
            return (_user, _broken);
        }
    }

    private Task PauseAsync()
    {
        if (!_pauses)
        {
            return Task.CompletedTask;
        }

        int pick;
        lock (_gate)
        {
            pick = _random.Next(3);
        }

        return pick switch
        {
            0 => Task.CompletedTask,
            1 => Task.Run(() => { }),
            _ => Task.Delay(1),
        };
    }
}
