using CcapBot.Conversations;
using CcapBot.Domain;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CcapBot.Features.Access;

/// <summary>
/// Resolves the sender of a turn to an <see cref="Actor"/>. Teams users are matched by aadObjectId first
/// (stable across bots and channels), then by channel user id. Coordinators come from configuration and
/// from grants stored by other coordinators.
/// </summary>
public sealed class ActorResolver(CcapDbContext db, IOptions<CoordinatorOptions> options, IHostEnvironment environment)
{
    public async Task<Actor> ResolveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var member = turn.Member;
        var representative = await FindRepresentativeAsync(member.ChannelId, member.UserId, member.AadObjectId, cancellationToken);
        // Not the representative's email: people type it themselves when they register, so it proves nothing.
        var isCoordinator = await IsCoordinatorAsync(member.UserId, member.AadObjectId, email: null, cancellationToken);
        return new Actor(member.ChannelId, member.UserId, member.AadObjectId, member.UserName, isCoordinator, representative);
    }

    public async Task<Representative?> FindRepresentativeAsync(string channelId, string userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var identity = await db.RepresentativeIdentities.AsNoTracking()
            .Where(i => (i.ChannelId == channelId && i.UserId == userId) || (aadObjectId != null && i.AadObjectId == aadObjectId))
            .OrderBy(i => i.ChannelId == channelId && i.UserId == userId ? 0 : 1)
            .FirstOrDefaultAsync(cancellationToken);
        return identity is null ? null : await db.Representatives.Include(r => r.City).FirstOrDefaultAsync(r => r.Id == identity.RepresentativeId, cancellationToken);
    }

    public async Task<bool> IsCoordinatorAsync(string userId, string? aadObjectId, string? email, CancellationToken cancellationToken)
    {
        var candidates = new[] { userId, aadObjectId, email }.OfType<string>().Where(c => c.Length > 0).ToArray();
        var configured = options.Value.Identities;
        if (candidates.Any(c => configured.Contains(c, StringComparer.OrdinalIgnoreCase))) return true;
        if (environment.IsDevelopment() && options.Value.DemoIdentity is { Length: > 0 } demo && candidates.Contains(demo, StringComparer.Ordinal)) return true;
        return await db.CoordinatorGrants.AsNoTracking().AnyAsync(g => g.RevokedAt == null && candidates.Contains(g.Identity), cancellationToken);
    }
}
