/* Rotations against stats::varimax, GPArotation::oblimin, psych promax. */
#include <math.h>

#include "servqual/rotation.h"
#include "unit.h"
#include "fa_fixture.h"

#define P 6
#define K 2

static double
maxdiff(const double *a, const double *b, size_t n)
{
	double m = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!(fabs(a[i] - b[i]) <= m))
			m = fabs(a[i] - b[i]);
	return m;
}

int
main(void)
{
	double L0[P * K], L[P * K], want[P * K], T[K * K], phi[K * K], tt;
	size_t iter;
	int conv, i;

	if (!CHECK(fx_load("tests/oracle/factor/expected/ability.tsv") == 0,
	    "fixture tests/oracle/factor/expected/ability.tsv"))
		return unit_done();
	fx_matrix("rot", "input", L0, P, K);

	memcpy(L, L0, sizeof(L));
	CHECK(sq_varimax(L, P, K, 1, 1e-5, T, &iter) == SQ_OK, "varimax runs");
	fx_matrix("rot", "varimax", want, P, K);
	CHECK_NEAR(maxdiff(L, want, P * K), 0, 1e-10,
	    "varimax = stats::varimax");
	tt = T[0] * T[1] + T[2] * T[3];
	CHECK_NEAR(tt, 0, 1e-12, "varimax rotation matrix is orthogonal");

	memcpy(L, L0, sizeof(L));
	CHECK(sq_oblimin(L, P, K, 0, 1e-5, 1000, phi, &iter, &conv) == SQ_OK,
	    "oblimin runs");
	fx_matrix("rot", "oblimin", want, P, K);
	CHECK_NEAR(maxdiff(L, want, P * K), 0, 1e-10,
	    "oblimin = GPArotation::oblimin");
	CHECK_NEAR(phi[1], fx_get("rot", "oblimin_phi", 0, 0), 1e-10,
	    "oblimin factor correlation");
	CHECK_NEAR(phi[0], 1, 1e-12, "oblimin phi has a unit diagonal");
	CHECK(conv, "oblimin converged");
	CHECK((double)iter == fx_get("rot", "oblimin_iterations", 0, 0),
	    "oblimin takes GPArotation's number of iterations");

	memcpy(L, L0, sizeof(L));
	CHECK(sq_promax(L, P, K, 4, phi) == SQ_OK, "promax runs");
	fx_matrix("rot", "promax", want, P, K);
	CHECK_NEAR(maxdiff(L, want, P * K), 0, 1e-10,
	    "promax = psych kaiser(Promax)");
	CHECK_NEAR(phi[1], fx_get("rot", "promax_phi", 0, 0), 1e-10,
	    "promax factor correlation");

	/* one factor: nothing to rotate, and no crash */
	memcpy(L, L0, sizeof(L));
	CHECK(sq_varimax(L, P, 1, 1, 1e-5, NULL, NULL) == SQ_OK &&
	    L[0] == L0[0], "varimax of one factor is the identity");
	CHECK(sq_oblimin(L, P, 1, 0, 1e-5, 1000, phi, &iter, &conv) ==
	    SQ_EUSAGE, "oblimin refuses one factor");
	for (i = 0; i < 4; i++)
		CHECK(sq_rotate_parse(sq_rotate_name(i)) == i,
		    "rotation names round-trip");
	CHECK(sq_rotate_parse("quartimax") == -1, "unknown rotation");
	free(fx);
	return unit_done();
}
