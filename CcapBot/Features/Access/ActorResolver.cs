using CcapBot.Conversations;
using CcapBot.Persistence;

namespace CcapBot.Features.Access;

/// <summary>
/// Resolves the sender of a turn to an <see cref="Actor"/>. Teams users are matched by aadObjectId first
/// (stable across bots and channels), then by channel user id. Coordinators come from configuration and
/// from grants stored by other coordinators.
/// </summary>
public sealed class ActorResolver(CcapDbContext db, Audience audience)
{
    // Scoped to the turn's attempt: the sender is read once however many handlers and form steps ask.
    private (TurnContext Turn, Actor Actor)? _resolved;

    public async Task<Actor> ResolveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (_resolved is { } resolved && ReferenceEquals(resolved.Turn, turn)) return resolved.Actor;
        var actor = await ReadAsync(turn, cancellationToken);
        _resolved = (turn, actor);
        return actor;
    }

    private async Task<Actor> ReadAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var member = turn.Member;
        var representative = await Audience.RepresentativeOfAsync(db, member.ChannelId, member.UserId, member.AadObjectId, cancellationToken);
        // Not the representative's email: people type it themselves when they register, so it proves nothing.
        var isCoordinator = await IsCoordinatorAsync(member.UserId, member.AadObjectId, cancellationToken);
        return new Actor(member.ChannelId, member.UserId, member.AadObjectId, member.UserName, isCoordinator, representative);
    }

    public Task<bool> IsCoordinatorAsync(string userId, string? aadObjectId, CancellationToken cancellationToken) =>
        audience.IsCoordinatorAsync(db, [userId, aadObjectId], cancellationToken);
}
