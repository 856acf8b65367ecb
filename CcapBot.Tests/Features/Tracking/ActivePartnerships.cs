using CcapBot.Domain;
using CcapBot.Persistence;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>
/// The tracking tests' starting state on top of a <see cref="BotWorld"/>: partnerships between seeded representatives,
/// built only through the domain's own methods (propose → confirm → launch meeting → action list → agreed by every city).
/// </summary>
internal static class ActivePartnerships
{
    public const string CoordinatorUserId = "29:coordinator";
    public const string Category = "emissions-inventory";

    /// <summary>A world on <paramref name="clock"/> whose outbox and scheduler run only when the test says, with one coordinator.</summary>
    public static BotWorldOptions Options(FakeTimeProvider clock) => new() { Clock = clock, ManualWorkers = true, Coordinators = [CoordinatorUserId] };

    public static PartnershipActor Actor(Person person) =>
        new(person.UserId, IsCoordinator: false, person.RepresentativeId, person.CityId);

    /// <summary>
    /// An active partnership: <paramref name="mentor"/> and <paramref name="learning"/>, agreed at <paramref name="now"/>
    /// (default: the seed's time) after a launch meeting two days before, with the given activities (title, owner, due).
    /// </summary>
    public static async Task<Partnership> ActivePartnershipAsync(this Seed seed, Person mentor, Person learning, IReadOnlyList<(string Title, Person Owner, DateOnly Due)> activities,
        DateOnly completion, DateTimeOffset? now = null)
    {
        var at = now ?? seed.Now;
        var coordinator = PartnershipActor.Coordinator(CoordinatorUserId);
        var start = at.AddDays(-2);
        var partnership = Partnership.Propose("Emissions inventory of industrial zones and the port", Category,
            new PartnershipMember(mentor.CityId!.Value), [new PartnershipMember(learning.CityId!.Value)], coordinator, start);
        partnership.Confirm(coordinator, start);
        partnership.ScheduleLaunch(coordinator, new LaunchMeetingPlan(start.AddHours(1), 60, "Asia/Ho_Chi_Minh", "https://teams.microsoft.com/l/meetup-join/abc"), start);
        partnership.MarkLaunchHeld(coordinator, 1, start.AddHours(2));
        Agree(partnership, mentor, learning, activities, completion, at);
        seed.Db.Partnerships.Add(partnership);
        await seed.Db.SaveChangesAsync();
        return partnership;
    }

    /// <summary>The coordinator proposes the list and both cities agree: the partnership is active from <paramref name="now"/>.</summary>
    public static void Agree(Partnership partnership, Person mentor, Person learning, IReadOnlyList<(string Title, Person Owner, DateOnly Due)> activities, DateOnly completion, DateTimeOffset now)
    {
        partnership.ProposeActionList(PartnershipActor.Coordinator(CoordinatorUserId), Draft(activities, completion), DateOnly.FromDateTime(now.UtcDateTime), now);
        partnership.AgreeActionList(Actor(mentor), 1, now);
        partnership.AgreeActionList(Actor(learning), 1, now);
    }

    public static ActionListDraft Draft(IReadOnlyList<(string Title, Person Owner, DateOnly Due)> activities, DateOnly completion) =>
        new([.. activities.Select(a => new ActivityDraft(a.Title, null, a.Owner.CityId!.Value, a.Due))], completion);

    public static Task<Partnership> LoadAsync(CcapDbContext db, int id) => db.Partnerships.WithAggregate().SingleAsync(p => p.Id == id);
}
