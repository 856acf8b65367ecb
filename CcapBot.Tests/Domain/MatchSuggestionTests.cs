using CcapBot.Domain;
using static CcapBot.Tests.Domain.PartnershipFixtures;

namespace CcapBot.Tests.Domain;

public sealed class MatchSuggestionTests
{
    private static MatchSuggestion Suggested() => MatchSuggestion.Create(201, Kitakyushu, 101, 94.4, 1, "[]", Now);

    [Fact]
    public void Confirm_ByCoordinator_LinksThePartnershipWithTheCandidateAsMentor()
    {
        var suggestion = Suggested();
        var partnership = Confirmed();

        suggestion.Confirm(Coordinator, partnership, Now.AddHours(1));

        Assert.Equal(MatchSuggestionStatus.Confirmed, suggestion.Status);
        Assert.Same(partnership, suggestion.Partnership);
        Assert.Equal(Coordinator.Identity, suggestion.DecidedBy);
        Assert.Equal(Now.AddHours(1), suggestion.DecidedAt);
    }

    [Fact]
    public void Confirm_WithAPartnershipMentoredBySomeoneElse_IsRefused()
    {
        var suggestion = MatchSuggestion.Create(201, Haiphong, null, 50, 2, "[]", Now);

        var refused = Assert.Throws<DomainRuleException>(() => suggestion.Confirm(Coordinator, Confirmed(), Now));

        Assert.Equal(DomainRule.CitiesInvalid, Assert.Single(refused.Violations).Rule);
        Assert.Equal(MatchSuggestionStatus.Suggested, suggestion.Status);
    }

    [Fact]
    public void Decide_ByRepresentative_IsRefused()
    {
        var suggestion = Suggested();

        Assert.Throws<DomainRuleException>(() => suggestion.Confirm(HaiphongRep, Confirmed(), Now));
        Assert.Throws<DomainRuleException>(() => suggestion.Reject(HaiphongRep, "No", Now));

        Assert.Equal(MatchSuggestionStatus.Suggested, suggestion.Status);
    }

    [Fact]
    public void Reject_NeedsAReason_AndIsFinal()
    {
        var suggestion = Suggested();
        var noReason = Assert.Throws<DomainRuleException>(() => suggestion.Reject(Coordinator, " ", Now));
        Assert.Equal(DomainRule.ReasonRequired, Assert.Single(noReason.Violations).Rule);

        suggestion.Reject(Coordinator, "Already partnered with Yokohama", Now);

        Assert.Equal(MatchSuggestionStatus.Rejected, suggestion.Status);
        Assert.Equal("Already partnered with Yokohama", suggestion.Reason);
        Assert.Throws<DomainRuleException>(() => suggestion.Confirm(Coordinator, Confirmed(), Now));
        Assert.False(suggestion.Refresh(101, 99, 1, "[{}]", Now));
        Assert.Equal(94.4, suggestion.Score);
    }

    [Fact]
    public void Refresh_UpdatesAnOpenSuggestion_OnlyWhenSomethingChanged()
    {
        var suggestion = Suggested();

        Assert.False(suggestion.Refresh(101, 94.4, 1, "[]", Now.AddDays(1)));
        Assert.True(suggestion.Refresh(101, 80, 2, "[{}]", Now.AddDays(1)));

        Assert.Equal((80.0, 2, Now.AddDays(1)), (suggestion.Score, suggestion.Rank, suggestion.UpdatedAt));
    }
}
