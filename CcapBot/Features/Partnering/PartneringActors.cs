using CcapBot.Domain;
using CcapBot.Features.Access;

namespace CcapBot.Features.Partnering;

public static class PartneringActors
{
    /// <summary>The turn's actor as the partnership rules see them: a coordinator, and/or the active representative of a city.</summary>
    public static PartnershipActor ForPartnership(this Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new PartnershipActor(actor.UserId, actor.IsCoordinator, actor.Representative is { Active: true } r ? r.Id : null, actor.CityId);
    }
}
