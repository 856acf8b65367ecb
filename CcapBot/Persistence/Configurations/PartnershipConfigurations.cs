using CcapBot.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CcapBot.Persistence.Configurations;

// The partnership is an aggregate: its children cascade with it, while references to cities, people,
// applications and templates are restricted, so history can never silently lose its subject.

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.Property(p => p.Purpose).HasMaxLength(Partnership.MaxPurposeLength);
        builder.Property(p => p.CategoryCode).HasMaxLength(64);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.EndReason).HasMaxLength(Partnership.MaxReasonLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<ActionCategory>().WithMany().HasForeignKey(p => p.CategoryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Cities).WithOne().HasForeignKey(c => c.PartnershipId);
        builder.HasMany(p => p.LaunchMeetings).WithOne().HasForeignKey(m => m.PartnershipId);
        builder.HasMany(p => p.ActionLists).WithOne().HasForeignKey(v => v.PartnershipId);
        builder.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.PartnershipId);
        // Filtered views of the collections above, not relationships of their own.
        builder.Ignore(p => p.LiveActivities);
        builder.HasIndex(p => p.Status);
    }
}

internal sealed class PartnershipCityConfiguration : IEntityTypeConfiguration<PartnershipCity>
{
    public void Configure(EntityTypeBuilder<PartnershipCity> builder)
    {
        builder.HasKey(c => new { c.PartnershipId, c.CityId });
        builder.Property(c => c.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(c => c.City).WithMany().HasForeignKey(c => c.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.CityId);
    }
}

internal sealed class LaunchMeetingConfiguration : IEntityTypeConfiguration<LaunchMeeting>
{
    public void Configure(EntityTypeBuilder<LaunchMeeting> builder)
    {
        builder.Property(m => m.JoinLink).HasMaxLength(LaunchMeeting.MaxJoinLinkLength);
        builder.Property(m => m.Agenda).HasMaxLength(LaunchMeeting.MaxAgendaLength);
        builder.Property(m => m.OrganiserTimeZone).HasMaxLength(64);
        builder.Property(m => m.OrganisedBy).HasMaxLength(256);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(m => m.Rsvps).WithOne().HasForeignKey(r => r.LaunchMeetingId);
        builder.Ignore(m => m.CurrentRsvps);
        builder.HasIndex(m => new { m.PartnershipId, m.Number }).IsUnique();
        // Meeting reminders look for open meetings by start time.
        builder.HasIndex(m => new { m.Status, m.StartsAt });
    }
}

internal sealed class MeetingRsvpConfiguration : IEntityTypeConfiguration<MeetingRsvp>
{
    public void Configure(EntityTypeBuilder<MeetingRsvp> builder)
    {
        builder.Property(r => r.Response).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RespondedBy).HasMaxLength(256);
        builder.HasOne<Representative>().WithMany().HasForeignKey(r => r.RepresentativeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<City>().WithMany().HasForeignKey(r => r.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.LaunchMeetingId, r.RepresentativeId, r.Revision }).IsUnique();
    }
}

internal sealed class ActionListVersionConfiguration : IEntityTypeConfiguration<ActionListVersion>
{
    public void Configure(EntityTypeBuilder<ActionListVersion> builder)
    {
        builder.Property(v => v.ProposedBy).HasMaxLength(256);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<City>().WithMany().HasForeignKey(v => v.ProposedByCityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Items).WithOne().HasForeignKey(i => i.VersionId);
        builder.HasMany(v => v.Agreements).WithOne().HasForeignKey(a => a.VersionId);
        builder.HasIndex(v => new { v.PartnershipId, v.Number }).IsUnique();
    }
}

internal sealed class ActionListItemConfiguration : IEntityTypeConfiguration<ActionListItem>
{
    public void Configure(EntityTypeBuilder<ActionListItem> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(ActionListItem.MaxTitleLength);
        builder.Property(i => i.Description).HasMaxLength(ActionListItem.MaxDescriptionLength);
        builder.HasOne<City>().WithMany().HasForeignKey(i => i.OwnerCityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TemplateActivity>().WithMany().HasForeignKey(i => i.TemplateActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Revises).WithMany().HasForeignKey(i => i.RevisesActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.VersionId, i.Number }).IsUnique();
    }
}

internal sealed class ActionListAgreementConfiguration : IEntityTypeConfiguration<ActionListAgreement>
{
    public void Configure(EntityTypeBuilder<ActionListAgreement> builder)
    {
        builder.Property(a => a.AgreedBy).HasMaxLength(256);
        builder.HasOne<City>().WithMany().HasForeignKey(a => a.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Representative>().WithMany().HasForeignKey(a => a.RepresentativeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.VersionId, a.CityId }).IsUnique();
    }
}

internal sealed class PartnershipActivityConfiguration : IEntityTypeConfiguration<PartnershipActivity>
{
    public void Configure(EntityTypeBuilder<PartnershipActivity> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(ActionListItem.MaxTitleLength);
        builder.Property(a => a.Description).HasMaxLength(ActionListItem.MaxDescriptionLength);
        builder.Property(a => a.LastNote).HasMaxLength(PartnershipActivity.MaxNoteLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<City>().WithMany().HasForeignKey(a => a.OwnerCityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TemplateActivity>().WithMany().HasForeignKey(a => a.TemplateActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActivityId);
        builder.HasIndex(a => new { a.PartnershipId, a.Number });
        // Check-ins and due-date reminders go to the owner city's representatives.
        builder.HasIndex(a => new { a.OwnerCityId, a.Status });
        builder.HasIndex(a => a.DueDate);
    }
}

internal sealed class ActivityUpdateConfiguration : IEntityTypeConfiguration<ActivityUpdate>
{
    public void Configure(EntityTypeBuilder<ActivityUpdate> builder)
    {
        builder.Property(u => u.By).HasMaxLength(256);
        builder.Property(u => u.Channel).HasMaxLength(64);
        builder.Property(u => u.Note).HasMaxLength(PartnershipActivity.MaxNoteLength);
        builder.Property(u => u.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Representative>().WithMany().HasForeignKey(u => u.RepresentativeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ActivityId, u.At });
        builder.HasIndex(u => u.At);
    }
}

internal sealed class MatchSuggestionConfiguration : IEntityTypeConfiguration<MatchSuggestion>
{
    public void Configure(EntityTypeBuilder<MatchSuggestion> builder)
    {
        builder.Property(s => s.Breakdown).HasMaxLength(int.MaxValue);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Reason).HasMaxLength(MatchSuggestion.MaxReasonLength);
        builder.Property(s => s.DecidedBy).HasMaxLength(256);
        builder.HasOne<Application>().WithMany().HasForeignKey(s => s.LearningApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Application>().WithMany().HasForeignKey(s => s.MentorApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<City>().WithMany().HasForeignKey(s => s.CandidateCityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Partnership).WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.LearningApplicationId, s.CandidateCityId }).IsUnique();
        builder.HasIndex(s => new { s.Status, s.LearningApplicationId, s.Rank });
    }
}
