/* sq-factor's and sq-cfa's state bodies: the covariance accumulator's. */
#include "servqual/covstate.h"

int
sq_factor_state_read_body(sq_state_rd *r, sq_covacc *a)
{
	return sq_covacc_state_read(r, a);
}

int
sq_cfa_state_read_body(sq_state_rd *r, sq_covacc *a)
{
	return sq_covacc_state_read(r, a);
}
