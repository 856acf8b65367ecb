using CcapBot.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CcapBot.Persistence.Configurations;

internal sealed class SchedulerCursorConfiguration : IEntityTypeConfiguration<SchedulerCursor>
{
    public void Configure(EntityTypeBuilder<SchedulerCursor> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class ReminderSnoozeConfiguration : IEntityTypeConfiguration<ReminderSnooze>
{
    public void Configure(EntityTypeBuilder<ReminderSnooze> builder)
    {
        builder.Property(s => s.ChannelId).HaveMaxLengthForKey();
        builder.Property(s => s.UserId).HaveMaxLengthForKey();
        builder.Property(s => s.Subject).HasMaxLength(128);
        builder.HasIndex(s => new { s.ChannelId, s.UserId, s.Subject }).IsUnique();
        // The scheduler reads the snoozes still running.
        builder.HasIndex(s => s.Until);
    }
}

internal sealed class PendingStatusUpdateConfiguration : IEntityTypeConfiguration<PendingStatusUpdate>
{
    public void Configure(EntityTypeBuilder<PendingStatusUpdate> builder)
    {
        builder.HasKey(p => new { p.ChannelId, p.ConversationId, p.UserId });
        builder.Property(p => p.ChannelId).HaveMaxLengthForKey();
        builder.Property(p => p.ConversationId).HaveMaxLengthForKey();
        builder.Property(p => p.UserId).HaveMaxLengthForKey();
        builder.Property(p => p.Token).HasMaxLength(32);
        builder.Property(p => p.Proposal).HasMaxLength(int.MaxValue);
    }
}

internal sealed class PartnershipResultConfiguration : IEntityTypeConfiguration<PartnershipResult>
{
    public void Configure(EntityTypeBuilder<PartnershipResult> builder)
    {
        builder.Property(r => r.Summary).HasMaxLength(PartnershipResult.MaxTextLength);
        builder.Property(r => r.Lessons).HasMaxLength(PartnershipResult.MaxTextLength);
        builder.Property(r => r.RecordedBy).HasMaxLength(256);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<City>().WithMany().HasForeignKey(r => r.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Representative>().WithMany().HasForeignKey(r => r.RepresentativeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PartnershipId, r.CityId }).IsUnique();
        // The export reads consented results.
        builder.HasIndex(r => r.ConsentToPublish);
    }
}
