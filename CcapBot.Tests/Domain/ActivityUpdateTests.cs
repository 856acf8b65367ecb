using CcapBot.Domain;
using static CcapBot.Tests.Domain.PartnershipFixtures;

namespace CcapBot.Tests.Domain;

public sealed class ActivityUpdateTests
{
    [Fact]
    public void Update_ByAParticipant_ChangesStatusAndNote_AndKeepsHistory()
    {
        var partnership = Active();
        var at = Now.AddDays(3);

        var update = partnership.UpdateActivity(HaiphongRep, 3, ActivityStatus.InProgress, "  questionnaire sent ", "msteams", at);

        var activity = partnership.FindActivity(3);
        Assert.NotNull(update);
        Assert.NotNull(activity);
        Assert.Equal(ActivityStatus.InProgress, activity.Status);
        Assert.Equal("questionnaire sent", activity.LastNote);
        Assert.Equal(at, activity.UpdatedAt);
        Assert.Equal((ActivityStatus.NotStarted, ActivityStatus.InProgress), (update.FromStatus, update.ToStatus));
        Assert.Equal(HaiphongRep.Identity, update.By);
        Assert.Equal(HaiphongRep.RepresentativeId, update.RepresentativeId);
        Assert.False(update.ByCoordinator);
        Assert.Equal("msteams", update.Channel);
        Assert.Equal("questionnaire sent", update.Note);
        Assert.Equal(at, update.At);

        partnership.UpdateActivity(Coordinator, 3, ActivityStatus.Blocked, "waiting for funding", "webchat", at.AddDays(1));
        Assert.Equal(
            [(ActivityStatus.NotStarted, ActivityStatus.InProgress), (ActivityStatus.InProgress, ActivityStatus.Blocked)],
            activity.Updates.Select(u => (u.FromStatus, u.ToStatus)));
        Assert.True(activity.Updates[1].ByCoordinator);
    }

    [Fact]
    public void Update_NoteOnly_IsKept_NothingNew_IsNoUpdate()
    {
        var partnership = Active();
        var version = partnership.Version;

        Assert.Null(partnership.UpdateActivity(HaiphongRep, 1, ActivityStatus.NotStarted, " ", "msteams", Now));
        Assert.Equal(version, partnership.Version);

        var noteOnly = partnership.UpdateActivity(HaiphongRep, 1, ActivityStatus.NotStarted, "kick-off next week", "msteams", Now);
        Assert.Equal((ActivityStatus.NotStarted, ActivityStatus.NotStarted), (noteOnly?.FromStatus, noteOnly?.ToStatus));
        Assert.Equal("kick-off next week", partnership.FindActivity(1)?.LastNote);
    }

    [Fact]
    public void Update_ByAPartnerOfAnotherPartnership_IsRefused()
    {
        var partnership = Active();
        Refused(partnership, DomainRule.NotAParticipant, () => partnership.UpdateActivity(OutsiderRep, 1, ActivityStatus.Done, null, "msteams", Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Update_OfAnUnknownActivity_IsRefused(int number)
    {
        var partnership = Active();
        Refused(partnership, DomainRule.ActivityNotFound, () => partnership.UpdateActivity(HaiphongRep, number, ActivityStatus.Done, null, "msteams", Now));
    }

    [Fact]
    public void Update_BeforeTheListIsAgreed_IsRefused()
    {
        var partnership = ActionListProposed();
        Refused(partnership, DomainRule.NotAllowedInStatus, () => partnership.UpdateActivity(HaiphongRep, 1, ActivityStatus.Done, null, "msteams", Now));
    }

    [Fact]
    public void Update_WithATooLongNote_IsRefused()
    {
        var partnership = Active();
        var note = new string('n', PartnershipActivity.MaxNoteLength + 1);
        Refused(partnership, DomainRule.TextTooLong, () => partnership.UpdateActivity(HaiphongRep, 1, ActivityStatus.Done, note, "msteams", Now));
    }
}
