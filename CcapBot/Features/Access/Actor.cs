using CcapBot.Domain;

namespace CcapBot.Features.Access;

/// <summary>
/// Who is acting in this turn: their channel identity, whether they are a coordinator, and the
/// representative (and so the city) they speak for, if any.
/// </summary>
public sealed record Actor(string ChannelId, string UserId, string? AadObjectId, string? Name, bool IsCoordinator, Representative? Representative)
{
    /// <summary>The identity written to audit entries and review decisions.</summary>
    public string AuditName => Name is { Length: > 0 } ? $"{Name} ({UserId})" : UserId;

    public int? CityId => Representative is { Active: true } r ? r.CityId : null;

    /// <summary>City representatives act for their own city only; coordinators act for any.</summary>
    public bool MayActFor(int cityId) => IsCoordinator || CityId == cityId;
}
