/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lib/vtimer's lines into lib/vgic, and the host PPIs' active state that a
 * hardware link needs: the guest's deactivation of a virtual interrupt whose
 * list register has the HW bit deactivates physical interrupt pINTID
 * (ICH_LR<n>_EL2.HW, GICv3 12.5.10; GICH_LR.HW, GICv2 5.3.11).
 */
#include <armvirt/err.h>
#include <armvirt/vtimer_vgic.h>

/* INTIDs 0-15 are SGIs; a timer's host interrupt is a PPI (16-31). */
#define FIRST_PPI 16u
#define SGI_MASK ((UINT32_C(1) << FIRST_PPI) - 1u)

int armvirt_vtimer_vgic_init(struct armvirt_vtimer_vgic *g, struct armvirt_vtimer_vcpu *timer,
			     struct armvirt_vgic *gic, unsigned vcpu)
{
	struct armvirt_vgic_irq_info info;

	/* Any private interrupt of @vcpu will do: only the index is checked. */
	if (armvirt_vgic_get_irq(gic, vcpu, FIRST_PPI, &info) < 0)
		return ARMVIRT_EINVAL;
	g->timer = timer;
	g->gic = gic;
	g->vcpu = vcpu;
	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++) {
		g->hw[t] = false;
		g->phys_active[t] = false;
		g->level[t] = false;
		g->level_known[t] = false;
	}
	return ARMVIRT_OK;
}

/*
 * Whether timer line @l's virtual interrupt should be linked now: while a
 * hardware timer backs it, except that lib/vgic links an interrupt only
 * while it is inactive. One the guest is still handling stays a software
 * interrupt until it deactivates it (the EOI maintenance interrupt of a
 * software level interrupt brings the vCPU out for that).
 */
static bool want_link(const struct armvirt_vtimer_line *l, const struct armvirt_vgic_irq_info *info)
{
	return l->hw && (info->hw || !info->active);
}

/*
 * Link and unlink as the lines need. The vGIC refuses a link change only for
 * a bad vCPU or INTID, which the caller has ruled out, and while the vCPU is
 * between fill and sync, which holds for both timers alike: if anything
 * fails, the first change does, and nothing has changed.
 */
static int update_links(struct armvirt_vtimer_vgic *g, const struct armvirt_vtimer_lines *l,
			const struct armvirt_vgic_irq_info *info)
{
	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++) {
		bool link = want_link(&l->line[t], &info[t]);
		int ret;

		if (link == info[t].hw)
			continue;
		if (link)
			ret = armvirt_vgic_map_hw(g->gic, g->vcpu, l->line[t].intid,
						  l->line[t].hw_intid);
		else
			ret = armvirt_vgic_unmap_hw(g->gic, g->vcpu, l->line[t].intid);
		if (ret < 0)
			return ret;
	}
	return ARMVIRT_OK;
}

int armvirt_vtimer_vgic_update(struct armvirt_vtimer_vgic *g, uint32_t taken,
			       struct armvirt_vgic_kicks *kicks,
			       struct armvirt_vtimer_vgic_phys *phys)
{
	struct armvirt_vtimer_lines l;
	struct armvirt_vgic_irq_info info[ARMVIRT_VTIMER_NR];
	uint32_t claimed = 0;
	int ret, kicked = 0;

	phys->activate = 0;
	phys->deactivate = 0;
	if (taken & SGI_MASK)
		return ARMVIRT_EINVAL;
	(void)armvirt_vtimer_lines(g->timer, &l);
	if (l.line[0].hw && l.line[1].hw && l.line[0].hw_intid == l.line[1].hw_intid)
		return ARMVIRT_EINVAL;
	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++) {
		/*
		 * Backed by no hardware timer, now or at the last update: the
		 * interrupt is unlinked (update_links() saw to it), and only the
		 * glue moves an unlinked interrupt's line. What the code below
		 * reads of it is known without asking the vGIC.
		 */
		if (g->level_known[t] && !l.line[t].hw && !g->hw[t]) {
			info[t].hw = false;
			info[t].active = false; /* read only for a hardware-backed timer */
			info[t].line_level = g->level[t];
			continue;
		}
		ret = armvirt_vgic_get_irq(g->gic, g->vcpu, l.line[t].intid, &info[t]);
		if (ret < 0)
			return ret;
	}
	ret = update_links(g, &l, info);
	if (ret < 0)
		return ret;

	for (unsigned t = 0; t < ARMVIRT_VTIMER_NR; t++) {
		const struct armvirt_vtimer_line *line = &l.line[t];
		uint32_t bit = UINT32_C(1) << line->hw_intid;

		/*
		 * The vGIC lowers a linked level interrupt's line when the guest
		 * deactivates it, which deactivated the host PPI as well (the HW
		 * bit): both are inactive now, unless EL2 took the PPI since.
		 */
		if (g->hw[t] && info[t].hw && !info[t].active && !info[t].line_level)
			g->phys_active[t] = false;
		if (line->hw) {
			bool fresh = !g->hw[t], want;

			if (taken & bit)
				g->phys_active[t] = true;
			/*
			 * Active while the guest has the interrupt pending or
			 * active: the restored timer, its condition still met,
			 * must not interrupt EL2 for it, and the guest's
			 * deactivation must find the host PPI active. Inactive
			 * otherwise, so the next expiry reaches EL2.
			 */
			want = line->level || info[t].active;
			if (fresh || want != g->phys_active[t]) {
				if (want)
					phys->activate |= bit;
				else
					phys->deactivate |= bit;
			}
			g->phys_active[t] = want;
			claimed |= bit;
		} else {
			/* Just put: nothing of this vCPU may hold the host PPI. */
			if (g->hw[t] && g->phys_active[t])
				phys->deactivate |= bit;
			g->phys_active[t] = false;
		}
		g->hw[t] = line->hw;
		g->level[t] = line->level;
		g->level_known[t] = true;
		if (info[t].line_level != line->level) {
			ret = armvirt_vgic_set_level(g->gic, g->vcpu, line->intid, line->level,
						     kicks);
			kicked |= ret > 0;
			/* Refused (the vGIC checked both already): ask it next time. */
			g->level_known[t] = ret >= 0;
		}
	}
	/* A host PPI EL2 took that no timer of this vCPU backs now: end it. */
	phys->deactivate |= taken & ~claimed;
	return kicked;
}
