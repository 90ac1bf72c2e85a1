/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Software-generated interrupts: GICD_SGIR for a GICv2 guest, the trapped
 * ICC_SGI1R_EL1 / ICC_ASGI1R_EL1 / ICC_SGI0R_EL1 writes for a GICv3 guest,
 * and the other trapped CPU interface register, ICC_DIR_EL1.
 */
#include "internal.h"

static void sgi_deliver(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *src,
			struct armvirt_vgic_vcpu *t, unsigned intid, bool group0_only,
			struct armvirt_vgic_kicks *kicks)
{
	struct armvirt_vgic_irq *irq = &t->priv[intid];

	vgic_lock(t);
	if (!group0_only || irq_group(irq) == 0)
		irq_set_pending(d, t, irq, is_v2(d) ? (uint8_t)(1u << src->index) : 1u, kicks);
	vgic_unlock(t);
}

/* GICv2 4.3.13. Without the Security Extensions NSATT has no effect. */
void sgi_send_v2(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint32_t sgir,
		 struct armvirt_vgic_kicks *kicks)
{
	unsigned intid = (unsigned)armvirt_field_get(sgir, ARMVIRT_GICD_SGIR_INTID_SHIFT,
						     ARMVIRT_GICD_SGIR_INTID_WIDTH);
	unsigned filter = (unsigned)armvirt_field_get(sgir, ARMVIRT_GICD_SGIR_FILTER_SHIFT,
						      ARMVIRT_GICD_SGIR_FILTER_WIDTH);
	uint32_t all = (1u << d->nr_vcpus) - 1u, targets;

	switch (filter) {
	case ARMVIRT_GICD_SGIR_FILTER_LIST:
		targets = (uint32_t)armvirt_field_get(sgir, ARMVIRT_GICD_SGIR_TARGETLIST_SHIFT,
						      ARMVIRT_GICD_SGIR_TARGETLIST_WIDTH) &
			  all;
		break;
	case ARMVIRT_GICD_SGIR_FILTER_OTHERS:
		targets = all & ~(1u << v->index);
		break;
	case ARMVIRT_GICD_SGIR_FILTER_SELF:
		targets = 1u << v->index;
		break;
	default: /* reserved: no SGI is sent */
		return;
	}
	for (; targets != 0; targets &= targets - 1)
		sgi_deliver(d, v, &d->vcpus[lowest_bit(targets)], intid, false, kicks);
}

/*
 * GICv3 12.2.23 (ICC_SGI1R_EL1): the targets are the PEs whose affinity is
 * Aff3.Aff2.Aff1.<RS * 16 + n> for each bit n of TargetList, or every PE but
 * the requester when IRM is set. With GICD_TYPER.RSS and A3V clear no PE
 * has Aff0 above 15 or a non-zero Aff3, so such targets match nothing.
 */
static void sgi_send_v3(struct armvirt_vgic *d, struct armvirt_vgic_vcpu *v, uint64_t val,
			bool group0_only, struct armvirt_vgic_kicks *kicks)
{
	unsigned intid = (unsigned)armvirt_field_get(val, ARMVIRT_ICC_SGIR_INTID_SHIFT,
						     ARMVIRT_ICC_SGIR_INTID_WIDTH);
	uint32_t list = (uint32_t)armvirt_field_get(val, ARMVIRT_ICC_SGIR_TARGETLIST_SHIFT,
						    ARMVIRT_ICC_SGIR_TARGETLIST_WIDTH);
	uint64_t aff3 =
		armvirt_field_get(val, ARMVIRT_ICC_SGIR_AFF3_SHIFT, ARMVIRT_ICC_SGIR_AFF_WIDTH);
	uint64_t rs = armvirt_field_get(val, ARMVIRT_ICC_SGIR_RS_SHIFT, ARMVIRT_ICC_SGIR_RS_WIDTH);
	uint32_t cluster = (uint32_t)(armvirt_field_get(val, ARMVIRT_ICC_SGIR_AFF2_SHIFT,
							ARMVIRT_ICC_SGIR_AFF_WIDTH)
				      << ARMVIRT_MPIDR_AFF2_SHIFT) |
			   (uint32_t)(armvirt_field_get(val, ARMVIRT_ICC_SGIR_AFF1_SHIFT,
							ARMVIRT_ICC_SGIR_AFF_WIDTH)
				      << ARMVIRT_MPIDR_AFF1_SHIFT);

	if (armvirt_field_get(val, ARMVIRT_ICC_SGIR_IRM_SHIFT, ARMVIRT_ICC_SGIR_IRM_WIDTH)) {
		for (unsigned i = 0; i < d->nr_vcpus; i++) {
			if (i != v->index)
				sgi_deliver(d, v, &d->vcpus[i], intid, group0_only, kicks);
		}
		return;
	}
	if (aff3 != 0 || rs != 0)
		return;
	for (; list != 0; list &= list - 1) {
		uint16_t t = route_v3(d, cluster | lowest_bit(list));

		if (t != NONE)
			sgi_deliver(d, v, &d->vcpus[t], intid, group0_only, kicks);
	}
}

int armvirt_vgic_sysreg(struct armvirt_vgic *d, unsigned vcpu, struct armvirt_sysreg_access *acc,
			struct armvirt_vgic_kicks *kicks)
{
	struct armvirt_vgic_kicks k;
	struct armvirt_vgic_vcpu *v;

	if (d == NULL || acc == NULL || vcpu >= d->nr_vcpus)
		return ARMVIRT_EINVAL;
	if (is_v2(d) ||
	    (acc->enc != ARMVIRT_ICC_SGI1R_EL1_ENC && acc->enc != ARMVIRT_ICC_ASGI1R_EL1_ENC &&
	     acc->enc != ARMVIRT_ICC_SGI0R_EL1_ENC && acc->enc != ARMVIRT_ICC_DIR_EL1_ENC))
		return ARMVIRT_ENOENT;
	if (!acc->is_write)
		return ARMVIRT_EFAULT;
	v = &d->vcpus[vcpu];
	/* ICC_DIR_EL1 is trapped while an active interrupt is outside the
	 * list registers (ICH_HCR_EL2.TDIR, set by fill). Which interrupts are
	 * active, and whether the guest's EOImode is 1 (ICH_VMCR_EL2.VEOIM;
	 * GICv3 12.2.8: DIR has no effect otherwise), are known only from the
	 * registers the next sync reads. */
	if (acc->enc == ARMVIRT_ICC_DIR_EL1_ENC && vcpu_in_guest(v))
		return ARMVIRT_EBUSY;
	armvirt_vgic_kicks_clear(&k);
	if (acc->enc == ARMVIRT_ICC_DIR_EL1_ENC)
		lr_dir(d, v,
		       (uint32_t)armvirt_field_get(acc->data, ARMVIRT_ICC_DIR_INTID_SHIFT,
						   ARMVIRT_ICC_DIR_INTID_WIDTH),
		       &k);
	else
		/* With one security state, ICC_SGI1R_EL1 generates SGIs of
		 * either group, ICC_SGI0R_EL1 and ICC_ASGI1R_EL1 Group 0 ones
		 * only (GICv3 12.2, the tables in the ICC_SGI0R_EL1,
		 * ICC_SGI1R_EL1 and ICC_ASGI1R_EL1 descriptions). */
		sgi_send_v3(d, v, acc->data, acc->enc != ARMVIRT_ICC_SGI1R_EL1_ENC, &k);
	return kicks_merge(kicks, &k);
}
